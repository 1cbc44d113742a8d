-- expect: MM303, MM307
DROP SCHEMA reporting CASCADE;
