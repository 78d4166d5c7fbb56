from solution import Fraction


def test_reduces():
    f = Fraction(6, 8)
    assert (f.num, f.den) == (3, 4)


def test_negative_denominator():
    f = Fraction(1, -2)
    assert (f.num, f.den) == (-1, 2)


def test_add():
    assert str(Fraction(1, 2).add(Fraction(1, 3))) == "5/6"


def test_mul_to_integer():
    assert str(Fraction(2, 3).mul(Fraction(3, 2))) == "1"


def test_equal_values():
    assert Fraction(2, -4) == Fraction(-1, 2)


def test_zero_denominator():
    try:
        Fraction(1, 0)
    except ValueError:
        return
    assert False, "expected ValueError"
