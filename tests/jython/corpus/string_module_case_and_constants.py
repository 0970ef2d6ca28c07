import string
print string.upper("abc"), string.lower("ABC"), string.strip("  x  ")
print string.letters[:3], string.lowercase[-2:], string.uppercase[:2], string.digits
