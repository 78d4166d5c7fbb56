from solution import cube_root


def test_one():
    assert abs(cube_root(1) - 1) < 1e-6


def test_eight():
    assert abs(cube_root(8) - 2) < 1e-6


def test_fraction():
    assert abs(cube_root(0.125) - 0.5) < 1e-6


def test_large():
    assert abs(cube_root(1e6) - 100) < 1e-6
