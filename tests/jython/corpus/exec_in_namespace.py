ns = {}
exec "a = 7 / 2" in ns
print ns["a"]
