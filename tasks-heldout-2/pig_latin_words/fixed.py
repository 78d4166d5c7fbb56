VOWELS = "aeiou"


def translate_word(word):
    if word[0] in VOWELS:
        return word + "way"
    for i, ch in enumerate(word):
        if ch in VOWELS:
            return word[i:] + word[:i] + "ay"
    return word + "ay"


def pig_latin(sentence):
    return " ".join(translate_word(w) for w in sentence.split())
