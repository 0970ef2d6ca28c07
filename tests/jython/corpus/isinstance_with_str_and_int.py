print isinstance("a", str), isinstance(1, int), isinstance(True, int)
