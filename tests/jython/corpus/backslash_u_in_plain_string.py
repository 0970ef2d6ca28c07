s = "\u00e9"
print len(s), s
