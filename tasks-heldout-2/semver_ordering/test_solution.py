from solution import compare_versions


def test_equal():
    assert compare_versions("1.2.3", "1.2.3") == 0


def test_minor_newer():
    assert compare_versions("1.3", "1.2.9") == 1


def test_numeric_not_text():
    assert compare_versions("1.10", "1.9") == 1


def test_older_major():
    assert compare_versions("2.0", "10.0") == -1


def test_trailing_zero():
    assert compare_versions("1.2", "1.2.0") == 0


def test_missing_part_older():
    assert compare_versions("1.2", "1.2.1") == -1
