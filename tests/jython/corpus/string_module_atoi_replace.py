import string
print string.atoi("42") + 1, string.atof("1.5"), string.replace("aaa", "a", "b", 2)
print string.find("hello", "l"), string.zfill("7", 3)
