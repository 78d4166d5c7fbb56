def is_valid(s):
    """Check whether the brackets in ``s`` are balanced and properly nested.

    Round, square and curly brackets are supported. Each closing bracket
    must match the type of the most recent unclosed opening bracket, and
    nothing may be left open at the end. Other characters are ignored.
    """
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return True
