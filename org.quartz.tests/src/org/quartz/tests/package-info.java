package org.quartz.tests;
