print eval("7 / 2"), eval("1.0 / 3")
