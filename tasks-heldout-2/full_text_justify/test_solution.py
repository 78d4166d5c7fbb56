from solution import justify


def test_example():
    words = ["This", "is", "an", "example", "of", "text", "justification."]
    assert justify(words, 16) == ["This    is    an", "example  of text", "justification.  "]


def test_uneven_gaps():
    assert justify(["a", "b", "c", "dd"], 6) == ["a  b c", "dd    "]


def test_single_word_line():
    assert justify(["longword", "x"], 8) == ["longword", "x       "]


def test_last_line_single_spaces():
    assert justify(["to", "be", "or"], 10) == ["to be or  "]


def test_even_gaps():
    assert justify(["ab", "cd", "ef", "g"], 8) == ["ab cd ef", "g       "]
