total = sum(j for j in range(4))
try:
    print j
except NameError:
    print "no j", total
