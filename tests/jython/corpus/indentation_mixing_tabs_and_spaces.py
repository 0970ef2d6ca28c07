def f(x):
	if x:
		return "tab"
        return "spaces"
print f(1), f(0)
s = """a
	b"""
print repr(s)
