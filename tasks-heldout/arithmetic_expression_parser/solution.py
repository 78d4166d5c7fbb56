def tokenize(expr):
    tokens = []
    number = ""
    for ch in expr:
        if ch.isdigit():
            number += ch
            continue
        if number:
            tokens.append(int(number))
            number = ""
        if ch in "+-*/()":
            tokens.append(ch)
    if number:
        tokens.append(int(number))
    return tokens


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self):
        token = self.peek()
        self.pos += 1
        return token

    def expression(self):
        value = self.term()
        while self.peek() in ("+", "-"):
            if self.take() == "+":
                value += self.expression()
            else:
                value -= self.expression()
        return value

    def term(self):
        value = self.factor()
        while self.peek() in ("*", "/"):
            if self.take() == "*":
                value *= self.factor()
            else:
                value //= self.factor()
        return value

    def factor(self):
        token = self.take()
        if token == "(":
            value = self.expression()
            self.take()
            return value
        return token


def evaluate(expr):
    return Parser(tokenize(expr)).expression()
