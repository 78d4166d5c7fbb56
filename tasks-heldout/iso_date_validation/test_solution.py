from solution import valid_date


def test_ordinary():
    assert valid_date("2023-06-15") is True


def test_december():
    assert valid_date("2023-12-31") is True


def test_january_end():
    assert valid_date("2023-01-31") is True


def test_bad_month():
    assert valid_date("2023-13-01") is False


def test_leap_day():
    assert valid_date("2024-02-29") is True


def test_no_leap_day():
    assert valid_date("2023-02-29") is False


def test_april_31():
    assert valid_date("2023-04-31") is False


def test_shape():
    assert valid_date("2023-6-15") is False
