class Old:
    pass
print Old
class Child(Old):
    pass
print Child
