from __future__ import print_function
print("a", "b", sep="-", end="!\n")
print(1.0 / 3)
