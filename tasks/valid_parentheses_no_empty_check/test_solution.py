from solution import is_valid


def test_blank():
    assert is_valid("") == True


def test_sequence_of_pairs():
    assert is_valid("()[]{}") == True


def test_lone_opener():
    assert is_valid("(") == False


def test_extra_opener():
    assert is_valid("{[]") == False


def test_closer_without_opener():
    assert is_valid("())") == False


def test_deeply_nested():
    assert is_valid("((([[{}]])))") == True


def test_only_openers():
    assert is_valid("[{(") == False


def test_words_around_brackets():
    assert is_valid("call(a, [b)") == False
