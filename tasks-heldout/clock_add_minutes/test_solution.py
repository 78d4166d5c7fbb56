from solution import add_minutes


def test_simple():
    assert add_minutes("10:00", 30) == "10:30"


def test_carry_hour():
    assert add_minutes("09:45", 30) == "10:15"


def test_afternoon():
    assert add_minutes("11:30", 120) == "13:30"


def test_wrap_midnight():
    assert add_minutes("23:50", 20) == "00:10"


def test_negative():
    assert add_minutes("00:05", -10) == "23:55"
