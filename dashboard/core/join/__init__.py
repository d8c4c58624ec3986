"""join"""
