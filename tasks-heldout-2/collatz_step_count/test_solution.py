from solution import collatz_steps


def test_one():
    assert collatz_steps(1) == 0


def test_power_of_two():
    assert collatz_steps(16) == 4


def test_three():
    assert collatz_steps(3) == 7


def test_twelve():
    assert collatz_steps(12) == 9


def test_large():
    assert collatz_steps(27) == 111


def test_zero_rejected():
    try:
        collatz_steps(0)
    except ValueError:
        return
    assert False, "expected ValueError"
