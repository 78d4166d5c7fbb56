from solution import word_count


def test_empty_text():
    assert word_count("") == {}


def test_plain_words():
    assert word_count("the cat saw the dog") == {"the": 2, "cat": 1, "saw": 1, "dog": 1}


def test_case_insensitive():
    assert word_count("Go go GO") == {"go": 3}


def test_trailing_punctuation():
    assert word_count("stop, stop. stop!") == {"stop": 3}


def test_case_and_punctuation():
    assert word_count("Yes! yes, YES?") == {"yes": 3}


def test_punctuation_only_tokens():
    assert word_count("wait ... what") == {"wait": 1, "what": 1}


def test_inner_apostrophe_kept():
    assert word_count("don't (don't)") == {"don't": 2}


def test_extra_whitespace():
    assert word_count("  a\tb\n a ") == {"a": 2, "b": 1}
