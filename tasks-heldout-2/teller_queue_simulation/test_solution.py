from solution import simulate


def test_no_customers():
    assert simulate([]) == (0.0, 0)


def test_no_waiting():
    assert simulate([(0, 2), (5, 1)]) == (0.0, 6)


def test_queue_builds():
    assert simulate([(0, 5), (1, 5), (2, 5)]) == (4.0, 15)


def test_idle_gap():
    assert simulate([(0, 1), (10, 2), (11, 1)]) == (1 / 3, 13)


def test_single():
    assert simulate([(3, 4)]) == (0.0, 7)
