from solution import common_prefix


def test_shared_prefix():
    assert common_prefix(["flower", "flow", "flight"]) == "fl"


def test_no_prefix():
    assert common_prefix(["dog", "racecar", "car"]) == ""


def test_single_word():
    assert common_prefix(["alone"]) == "alone"


def test_empty_list():
    assert common_prefix([]) == ""


def test_whole_word_is_prefix():
    assert common_prefix(["inter", "internet", "interval"]) == "inter"
