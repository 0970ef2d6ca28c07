print repr(1.0 / 3), repr(0.1), repr(0.1 + 0.2)
