class Money(object):
    def __init__(self, cents):
        self.cents = cents
    def __div__(self, n):
        return Money(self.cents / n)
print (Money(7) / 2).cents
