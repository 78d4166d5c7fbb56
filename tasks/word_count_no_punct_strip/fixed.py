PUNCTUATION = ".,;:!?\"'()[]"


def word_count(text):
    """Count the words in ``text`` and return a dict of word -> count.

    Words are separated by whitespace. Matching ignores letter case, and
    punctuation at either end of a word is dropped, so "Dog," and "dog"
    count as the same word. Tokens made only of punctuation are skipped.
    """
    counts = {}
    for raw in text.split():
        word = raw.strip(PUNCTUATION).lower()
        if not word:
            continue
        counts[word] = counts.get(word, 0) + 1
    return counts
