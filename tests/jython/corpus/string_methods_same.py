print "a,b".split(","), "Hello".lower(), "  x ".strip(), "abc".startswith("a")
print "-".join(["1", "2"]), "%05.1f" % 3.14159
