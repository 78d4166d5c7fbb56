from solution import RateLimiter


def test_under_limit():
    r = RateLimiter(2, 10)
    assert [r.allow(0), r.allow(1)] == [True, True]


def test_over_limit():
    r = RateLimiter(2, 10)
    r.allow(0)
    r.allow(1)
    assert r.allow(2) is False


def test_window_slides():
    r = RateLimiter(1, 5)
    assert r.allow(0) is True
    assert r.allow(6) is True


def test_exact_boundary_expires():
    r = RateLimiter(1, 5)
    r.allow(0)
    assert r.allow(5) is True


def test_rejected_not_recorded():
    r = RateLimiter(1, 5)
    r.allow(0)
    r.allow(3)
    assert r.allow(5) is True
