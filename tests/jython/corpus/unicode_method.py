class Named(object):
    def __unicode__(self):
        return u"named"
print unicode(Named())
