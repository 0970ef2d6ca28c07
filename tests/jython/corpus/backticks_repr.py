x = [1, "a"]
print `x`, `3`, `"s"`
