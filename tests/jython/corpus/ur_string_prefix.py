s = ur"C:\new"
print len(s), s
