s = "abc".decode("utf-8")
print s, len(s)
