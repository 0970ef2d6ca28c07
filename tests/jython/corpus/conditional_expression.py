for n in range(3):
    print "even" if n % 2 == 0 else "odd",
print
