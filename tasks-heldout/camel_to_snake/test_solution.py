from solution import to_snake


def test_lower_only():
    assert to_snake("value") == "value"


def test_camel():
    assert to_snake("parseHttpResponse") == "parse_http_response"


def test_pascal():
    assert to_snake("Value") == "value"


def test_two_words():
    assert to_snake("maxSize") == "max_size"
