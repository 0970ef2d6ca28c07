words = ["pear", "fig", "banana"]
print max(words, key=len), min(words, key=len)
