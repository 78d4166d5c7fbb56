from solution import is_prime


def test_small():
    assert is_prime(2) is True
    assert is_prime(3) is True


def test_non_primes():
    assert is_prime(1) is False
    assert is_prime(0) is False


def test_square_of_prime():
    assert is_prime(9) is False


def test_larger_square():
    assert is_prime(49) is False


def test_prime_97():
    assert is_prime(97) is True
