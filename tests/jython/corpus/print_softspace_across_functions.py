def part(x):
    print x,
part(1)
part(2)
print "end"
