exec "y = 6 * 7"
print y
code = "z = y + 1"
exec code
print z
