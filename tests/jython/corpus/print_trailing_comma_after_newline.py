print "line\n",
print "next"
print "tab\t",
print "x"
