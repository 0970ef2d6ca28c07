print "a", \
      "b", (1 +
            2)
print "c"
