from solution import SparseVector


def test_nonzero():
    assert SparseVector([0, 3, 0, 4]).nonzero() == 2


def test_dot():
    assert SparseVector([1, 0, 0, 2, 3]).dot(SparseVector([0, 3, 0, 4, 0])) == 8


def test_dot_no_overlap():
    assert SparseVector([1, 0]).dot(SparseVector([0, 5])) == 0


def test_dot_symmetric():
    a = SparseVector([2, 0, 1, 0, 0, 3])
    b = SparseVector([0, 0, 4, 0, 0, 0])
    assert a.dot(b) == b.dot(a) == 4


def test_dot_with_self():
    v = SparseVector([1, 2, 0, 3])
    assert v.dot(v) == 14
