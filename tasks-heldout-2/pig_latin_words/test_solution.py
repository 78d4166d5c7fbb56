from solution import pig_latin


def test_vowel_start():
    assert pig_latin("apple") == "appleway"


def test_consonant_start():
    assert pig_latin("pig") == "igpay"


def test_cluster():
    assert pig_latin("string") == "ingstray"


def test_u_vowel():
    assert pig_latin("under") == "underway"
    assert pig_latin("duck") == "uckday"


def test_sentence():
    assert pig_latin("the quick fox") == "ethay uickqay oxfay"
