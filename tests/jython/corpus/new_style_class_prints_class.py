class New(object):
    pass
print New
