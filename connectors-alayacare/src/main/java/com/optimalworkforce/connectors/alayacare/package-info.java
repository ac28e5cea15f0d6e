/**
 * AlayaCare connector: reads branches, clients, employees, visits and unavailability from AlayaCare's External REST API.
 */
package com.optimalworkforce.connectors.alayacare;
