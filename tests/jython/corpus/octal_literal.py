print 0777, 010, 0
print 0xff, 0o17
