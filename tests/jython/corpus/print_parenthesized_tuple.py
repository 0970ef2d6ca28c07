x = 5
print("a", x)
print("only")
