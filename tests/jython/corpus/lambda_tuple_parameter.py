points = [(3, 1), (1, 2), (2, 0)]
print map(lambda (x, y): x * 10 + y, points)
print sorted(points, key=lambda (x, y): y)
