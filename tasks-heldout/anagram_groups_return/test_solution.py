from solution import group_anagrams


def test_empty():
    assert group_anagrams([]) == []


def test_groups():
    assert group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"]) == [["eat", "tea", "ate"], ["tan", "nat"], ["bat"]]


def test_single():
    assert group_anagrams(["abc"]) == [["abc"]]
