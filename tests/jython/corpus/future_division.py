from __future__ import division
print 7 / 2, 7 // 2
