from math import gcd


class Fraction:
    def __init__(self, num, den=1):
        if den == 0:
            raise ValueError("zero denominator")
        g = gcd(num, den)
        self.num = num // g
        self.den = den // g

    def add(self, other):
        return Fraction(self.num * other.den + other.num * self.den, self.den * other.den)

    def mul(self, other):
        return Fraction(self.num * other.num, self.den * other.den)

    def __eq__(self, other):
        return self.num == other.num and self.den == other.den

    def __str__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"
