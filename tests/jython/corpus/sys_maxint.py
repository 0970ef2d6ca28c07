import sys
print sys.maxint, sys.maxint + 1 > sys.maxint
